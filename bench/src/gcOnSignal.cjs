// Preloaded into the benchmarked servers (NODE_OPTIONS=--require …) by bench/collab/memorySlope.ts:
// SIGUSR2 runs a full garbage collection, so resident memory is compared after GC, for every
// server alike, without changing how any of them is started otherwise. With BENCH_MEMORY_FILE set
// (memorySlope.ts --breakdown), each GC also writes process.memoryUsage() there (heap, external,
// array buffers), to tell where resident memory goes.
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const file = process.env.BENCH_MEMORY_FILE;
process.on('SIGUSR2', () => {
  gc();
  if (file) fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(process.memoryUsage()));
});
