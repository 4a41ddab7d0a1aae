import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** Name segments that say a variable holds a secret: `DB_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`. */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'SECRET', 'SECRETS', 'TOKEN', 'KEY', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATE', 'AUTH']);
/** Suffixes that say the variable names where the secret is, not the secret: `POSTGRES_PASSWORD_FILE`. */
const REFERENCE_SUFFIXES = ['FILE', 'PATH', 'DIR', 'NAME', 'ID', 'URL', 'ARN'];
/** `scheme://user:password@host`. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;

/** Whether an environment variable's name looks like it carries a secret. */
export function looksSecret(name: string): boolean {
  if (name === 'PWD') return false; // the shell's working directory
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w !== '');
  if (words.length === 0 || REFERENCE_SUFFIXES.includes(words[words.length - 1])) return false;
  return words.some((w) => SECRET_WORDS.has(w) || w.endsWith('PASSWORD') || w.endsWith('SECRET') || w.endsWith('TOKEN'));
}

/** Docker: "don't push images containing your password". The value itself is never printed. */
export const secretInEnv: Rule = {
  code: 'lint/secret-in-env',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) =>
      Object.keys(container.env)
        .filter((name) => container.env[name] !== '')
        .flatMap((name) => {
          const value = container.env[name];
          const why = looksSecret(name)
            ? 'a literal value under a secret-looking name'
            : URL_WITH_PASSWORD.test(value)
              ? 'a URL with a literal password'
              : undefined;
          if (!why) return [];
          return [
            reporter.make(
              'lint/secret-in-env',
              `${container.path} env.${name}`,
              `${why} ends up in every rendered file (value not shown)`,
              `Move it to secretEnv: { ${name}: new Secret(system, '...') }, or suppress 'lint/secret-in-env' if it is not secret.`,
            ),
          ];
        }),
    ),
};
