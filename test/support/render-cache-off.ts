// Every test renders what it asserts on: the render cache is off unless a test chooses a folder of its own
// (LADING_CACHE=<dir>, passed to the process or the synth it runs).
process.env.LADING_CACHE = '0';
