# On the lent GPU, second round: pixel and hypernet prompts and the fine-tuning baseline (shorter runs: object
# renders at batch 64 come at ~180 batches/min), then the quick benchmark table. Outputs under $OUT/<kind>.
source tools/gpu_env.sh
E=${EPOCHS:-2}; N=${SAMPLES:-9600}
run() { name=$1; shift; mkdir -p $OUT/$name
  python3 -m depth_prompt.cli train --network default --data render --epochs $E --samples-per-epoch $N --batch 64 --size 256 --recipe one_cycle --out /tmp/$name "$@" > /tmp/$name.log 2>&1
  cp /tmp/$name/best.pth /tmp/$name/log.csv $OUT/$name/
  echo "== $name $*"; cat /tmp/$name/log.csv; tail -2 /tmp/$name.log | tail -c 300; echo; }
run pixel --prompt pixel --lr 3e-3
run hypernet --prompt hypernet --lr 5e-4 --prompt-cfg '{"ngf": 16}'
run finetune --prompt none --finetune --lr 3e-4
python3 -m depth_prompt.bench all --quick --out $OUT/bench.json 2>&1 | grep -v -i warn | tail -20
