# On a lent 2-GPU machine: the same training command on one GPU and data-parallel on two (same global batch,
# same samples per epoch), then the fine-tuning baseline with gradient clipping. Outputs under $OUT/mgpu.
source tools/gpu_env.sh; mkdir -p $OUT/mgpu
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
ARGS="train --network default --prompt fourier --data render --epochs 4 --samples-per-epoch 6400 --batch 64 --size 256 --recipe one_cycle --lr 3e-3"
s=$SECONDS; python3 -m depth_prompt.cli $ARGS --out /tmp/g1 > $OUT/mgpu/g1.log 2>&1; echo "1 GPU: $((SECONDS-s)) s"
s=$SECONDS; torchrun --standalone --nproc_per_node 2 -m depth_prompt.cli $ARGS --out /tmp/g2 > $OUT/mgpu/g2.log 2>&1; echo "2 GPUs: $((SECONDS-s)) s"
cp /tmp/g1/log.csv $OUT/mgpu/g1.csv; cp /tmp/g2/log.csv $OUT/mgpu/g2.csv
echo "== 1 GPU"; cat /tmp/g1/log.csv; echo "== 2 GPUs"; cat /tmp/g2/log.csv; grep -i -m3 "error\|Traceback" $OUT/mgpu/g2.log
python3 -c "from depth_prompt.train import train; from fastai.callback.training import GradientClip; train(prompt='none', finetune=True, epochs=2, samples_per_epoch=9600, bs=64, size=256, lr=3e-4, recipe='one_cycle', out='/tmp/ft', cbs=[GradientClip(1.0)], progress=False)" > /tmp/ft.log 2>&1
mkdir -p $OUT/finetune; cp /tmp/ft/best.pth /tmp/ft/log.csv $OUT/finetune/; echo "== finetune"; cat /tmp/ft/log.csv; tail -3 /tmp/ft.log
