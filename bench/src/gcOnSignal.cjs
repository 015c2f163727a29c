// Preloaded into the benchmarked servers (NODE_OPTIONS=--require …) by bench/collab/memorySlope.ts:
// SIGUSR2 runs a full garbage collection, so resident memory is compared after GC, for every
// server alike, without changing how any of them is started otherwise.
const v8 = require('node:v8');
const vm = require('node:vm');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
process.on('SIGUSR2', () => gc());
