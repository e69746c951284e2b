# On the lent GPU: the renderer with fused marching, and whether training waits for data. Outputs under $OUT.
source tools/gpu_env.sh
python3 tools/prof_render2.py $OUT/render.json 2>&1 | grep -v -i warn
python3 tools/prof_train.py $OUT/train_data.json 2>&1 | grep '^{\|Error\|error'
