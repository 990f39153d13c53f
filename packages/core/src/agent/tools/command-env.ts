/**
 * The environment a command an agent runs gets: the user's, minus anything that looks like a
 * secret (API keys, tokens, passwords, cloud credentials), unless the user allowed it by name.
 */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION|PRIVATE)/i;
const SECRET_PREFIX = /^(AWS_|AZURE_|GCP_|GOOGLE_|GH_|GITHUB_|GITLAB_|NPM_|OPENAI_|ANTHROPIC_|HF_|HUGGING|DOCKER_|KUBE|VAULT_|SENTRY_|STRIPE_|TWILIO_|SLACK_|DATABASE_URL|REDIS_URL|MONGO)/i;
const ALWAYS_KEPT = new Set(['PATH', 'HOME', 'USER', 'SHELL', 'LANG', 'LC_ALL', 'TERM', 'TMPDIR', 'TZ', 'CI', 'NODE_ENV']);

export function commandEnvironment(env: NodeJS.ProcessEnv, allowed: readonly string[] = []): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (allowed.includes(name) || ALWAYS_KEPT.has(name) || !(SECRET_NAME.test(name) || SECRET_PREFIX.test(name))) out[name] = value;
  }
  // Git inside the worktree must not be steered at another repository through the environment.
  for (const name of Object.keys(out)) if (name.startsWith('GIT_')) delete out[name];
  return out;
}
