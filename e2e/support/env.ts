import { GIT_TEST_ENV } from '../../tools/testing/git-fixture';

/**
 * npm settings a child npm may keep from the environment. Everything else `npm_*` is dropped: when
 * the suite runs under `npm test`, npm exports npm_config_local_prefix (this repository) and
 * friends, and a child `npm install` would then install into this repository instead of the
 * temporary workspace.
 */
const KEPT_NPM_SETTINGS = new Set([
  'npm_config_cache',
  'npm_config_registry',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_cafile',
  'npm_config_strict_ssl',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
]);

/** Variables that would point git at another repository. */
const GIT_LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

/**
 * The environment of every command the suites run: the user's PATH and npm cache, a fixed git
 * identity and no git user config, Nx without daemon, cloud, TUI or colours, and no model key
 * (each test that runs agents sets OPENAI_API_KEY and OPENAI_BASE_URL itself).
 */
export function e2eEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !KEPT_NPM_SETTINGS.has(key.toLowerCase())) continue;
    if (GIT_LOCATION_VARIABLES.includes(key)) continue;
    if (['INIT_CWD', 'NODE_ENV', 'NODE_OPTIONS', 'JEST_WORKER_ID', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'CODEWAVES_MODEL', 'CODEWAVES_WORKTREES'].includes(key)) continue;
    if (key.startsWith('NX_')) continue;
    env[key] = value;
  }
  return {
    ...env,
    ...GIT_TEST_ENV,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    CI: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...extra,
  };
}
