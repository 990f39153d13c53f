// Integration tests drive real git, worker threads and child processes; on a loaded 2-core machine
// they can take several seconds. This is a ceiling against hangs, not a performance assertion.
// (A project's `testTimeout` is ignored when Jest runs several projects, hence a setup file.)
jest.setTimeout(60_000);
