# On a lent 2-GPU machine: the same training command on one GPU and data-parallel on two (same global batch, same
# samples per epoch). Outputs under $OUT/mgpu: logs and per-epoch CSVs (compare the later epochs' times: the first
# includes compilation).
source tools/gpu_env.sh; mkdir -p $OUT/mgpu
export TORCHINDUCTOR_CACHE_DIR=$PWD/.cache/inductor; [ -f .cache/inductor.tgz ] && tar xzf .cache/inductor.tgz -C .cache
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
ARGS="train --network default --prompt fourier --data render --epochs ${EPOCHS:-4} --samples-per-epoch ${SAMPLES:-9600} --batch 64 --size 256 --recipe one_cycle --lr 3e-3"
s=$SECONDS; python3 -m depth_prompt.cli $ARGS --out /tmp/g1 > $OUT/mgpu/g1.log 2>&1; echo "1 GPU: $((SECONDS-s)) s"
s=$SECONDS; torchrun --standalone --nproc_per_node 2 -m depth_prompt.cli $ARGS --out /tmp/g2 > $OUT/mgpu/g2.log 2>&1; echo "2 GPUs: $((SECONDS-s)) s"
cp /tmp/g1/log.csv $OUT/mgpu/g1.csv; cp /tmp/g2/log.csv $OUT/mgpu/g2.csv
echo "== 1 GPU"; cat /tmp/g1/log.csv; echo "== 2 GPUs"; cat /tmp/g2/log.csv; grep -i -m3 "error\|Traceback" $OUT/mgpu/g2.log
