# On the lent GPU: train the Fourier prompt for the embedded default network on object renders of the training
# families (the shipped default-fourier.pth is this run's best.pth). Outputs under $OUT/<kind>.
# Epochs here take ~2 min (rendering at batch 64 is the bottleneck): the pixel and hypernet runs that followed in this
# script hit the 10-minute limit, so they were trained shorter by gpu_prompts2.sh.
source tools/gpu_env.sh
E=${EPOCHS:-4}; N=${SAMPLES:-24000}
run() { name=$1; shift; mkdir -p $OUT/$name
  python3 -m depth_prompt.cli train --network default --data render --epochs $E --samples-per-epoch $N --batch 64 --size 256 --recipe one_cycle --out /tmp/$name "$@" > /tmp/$name.log 2>&1
  cp /tmp/$name/best.pth /tmp/$name/log.csv $OUT/$name/; python3 -c "import numpy as np, glob, cv2; fs=sorted(glob.glob('/tmp/$name/snapshots/*.png')); np.savez_compressed('$OUT/$name/snapshots.npz', names=np.array(fs), images=np.stack([cv2.imread(f)[..., ::-1] for f in fs])) if fs else None"
  echo "== $name $*"; cat /tmp/$name/log.csv; tail -3 /tmp/$name.log; }
run fourier --prompt fourier --lr 1e-2
