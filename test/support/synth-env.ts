// Every test renders what it asserts on, in its own thread (where jest's mocks apply): the render cache is off and
// renders are serial unless a test chooses otherwise (LADING_CACHE=<dir>, LADING_WORKERS=<n>, or the options of
// the synth it runs).
process.env.LADING_CACHE = '0';
process.env.LADING_WORKERS = '1';
