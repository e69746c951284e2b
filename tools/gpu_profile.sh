# On the lent GPU: where the renderer's time goes, and the training step over batch sizes and compile modes.
source tools/gpu_env.sh
python3 tools/prof_render.py cuda 256 384 > $OUT/prof_render.txt 2>&1; grep -v "^\s*$" $OUT/prof_render.txt | head -34
python3 tools/prof_step.py ${STEPS:-reference:8,fast:8:default,fast:8:reduce-overhead,reference:32,fast:32:default,fast:32:reduce-overhead} $OUT/step.json 2>&1 | grep '^{'
