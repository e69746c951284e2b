# On the lent GPU: the fine-tuning baseline of the embedded default network (bf16, one-cycle Adam, gradient clipping
# 1); the results table (every background, and the fine-tuned network) on the results notebook's sets; whether
# training waits for data (tools/prof_train.py). Outputs under $OUT, with torch's compile cache (carry it as
# .cache/inductor.tgz next time: the renderer's warm-up drops from ~90 s to ~30 s).
source tools/gpu_env.sh
export TORCHINDUCTOR_CACHE_DIR=$PWD/.cache/inductor; [ -f .cache/inductor.tgz ] && tar xzf .cache/inductor.tgz -C .cache
s=$SECONDS; python3 -c "
import torch; from depth_prompt.render import render_batch
for split in ('train', 'ood', 'val'): render_batch(64, 64, device='cuda', split=split, seed=7, background='photo')
torch.cuda.synchronize()"; echo "renderer warm-up (compile): $((SECONDS-s)) s"
s=$SECONDS; python3 -c "from depth_prompt.train import train; from fastai.callback.training import GradientClip; train(prompt='none', finetune=True, epochs=${FT_EPOCHS:-3}, samples_per_epoch=9600, bs=64, size=256, lr=3e-4, recipe='one_cycle', out='/tmp/ft', cbs=[GradientClip(1.0)], progress=False)" > /tmp/ft.log 2>&1
echo "finetune: $((SECONDS-s)) s"; mkdir -p $OUT/finetune; cp /tmp/ft/log.csv $OUT/finetune/; cat /tmp/ft/log.csv; grep -m3 "Error\|Traceback" /tmp/ft.log
for split in val ood; do python3 -m depth_prompt.cli render --out /tmp/ev_$split --split $split --background photo --size 256 --n 100 --seed 1338 --device cuda > /dev/null 2>&1; done
python3 -m depth_prompt.cli evaluate --data /tmp/ev_val,/tmp/ev_ood --backgrounds white,original,noise,texture,prompt,pixel,hypernet --out /tmp/def_eval 2>&1 | grep "|"
python3 -m depth_prompt.cli evaluate --data /tmp/ev_val,/tmp/ev_ood --model /tmp/ft/best.pth --backgrounds white,original --out /tmp/ft_eval 2>&1 | grep "|"
cp /tmp/def_eval/results.json $OUT/eval_default.json; cp /tmp/ft_eval/results.json $OUT/finetune/eval.json
[ -n "$NO_DATA_BENCH" ] || timeout 240 python3 tools/prof_train.py $OUT/train_data.json 2>&1 | grep '^{\|Error\|error'
tar czf $OUT/inductor.tgz -C .cache inductor
