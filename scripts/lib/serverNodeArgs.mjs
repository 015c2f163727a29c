// The Node.js flags Accord's server runs with: `npm start`, the tests and the benchmarks start
// `node ${serverNodeArgs} server/dist/main.js`; the Dockerfile's CMD repeats them.
//
// --max-semi-space-size=2 (MiB): V8's young generation grows to 16 MiB per semi-space by default,
// which a collaboration server fills with short-lived message buffers and then keeps resident.
// Measured with `npm run bench -- --scenario S2,S4,S5 --servers accord --repeat 3`: peak RSS in
// S4 ~123 MiB instead of ~160 MiB; S5 latency unchanged (p50 8.6 ms either way); S2 throughput
// within the run-to-run spread (15,200 vs 18,600 updates/s median, runs ranging 13,500–26,400).
export const serverNodeArgs = ['--max-semi-space-size=2'];
