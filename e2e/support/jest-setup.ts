// `testTimeout` in a project's config is ignored when Jest runs several projects (it is a global
// option), so the e2e project sets its generous timeout here, for every test and hook.
jest.setTimeout(300_000);
