import { Construct } from 'constructs';
import type { ConfigFileEntrySpec, ConfigFileSpec } from './config-file-spec';
import { ModelError } from './errors';
import { checkKnownProps, propNames } from './known-props';
import { checkName, uniqueId } from './names';
import { entryOf, readProjectFiles } from './project-files';

export interface ConfigFileProps {
  /**
   * A file, or a folder of files, of the project, relative to the project root (the folder `lading synth` runs
   * in): `apps/proxy/nginx.conf`, `apps/logstash/pipeline`. Its bytes are read when the ConfigFile is created.
   * @default - none: give `file` or `content`
   */
  readonly file?: string;
  /**
   * The file's text, written here instead of in the project.
   * @default - none: give `file` or `content`
   */
  readonly content?: string;
}

/**
 * Configuration shipped as files (`configs:` in Compose): one file, a folder of files, or inline text. Mount it
 * with `Mount.config(configFile, '/etc/nginx/nginx.conf')`; every target delivers the same bytes, read-only.
 */
export class ConfigFile extends Construct {
  static isConfigFile(x: unknown): x is ConfigFile {
    return typeof x === 'object' && x !== null && (x as { [CONFIG_FILE]?: boolean })[CONFIG_FILE] === true;
  }

  public readonly name: string;
  /** `file`, `folder` or `content`. */
  public readonly source: ConfigFileSpec['source'];
  private readonly projectPath?: string;
  private readonly files: readonly ConfigFileEntrySpec[];

  constructor(scope: Construct, id: string, props: ConfigFileProps) {
    super(scope, uniqueId(scope, id));
    Object.defineProperty(this, CONFIG_FILE, { value: true });
    const path = this.node.path;
    this.name = checkName(path, 'config file', id);
    checkKnownProps(path, '', props ?? {}, propNames<ConfigFileProps>({ file: true, content: true }));
    const { file, content } = props ?? {};
    if ((file === undefined) === (content === undefined)) {
      throw new ModelError(path, 'file', 'give exactly one of file and content', { file, content }, "Write { file: 'apps/proxy/nginx.conf' } or { content: '...' }");
    }
    if (content !== undefined) {
      if (typeof content !== 'string') throw new ModelError(path, 'content', 'must be a string', content, 'Write the text of the file');
      this.source = 'content';
      this.files = [entryOf(this.name, Buffer.from(content, 'utf8'))];
      return;
    }
    if (typeof file !== 'string') throw new ModelError(path, 'file', 'must be a path relative to the project root', file, "Write e.g. 'apps/proxy/nginx.conf'");
    const read = readProjectFiles(path, process.cwd(), file);
    this.source = read.kind;
    this.projectPath = read.projectPath;
    this.files = read.files;
  }

  /** @internal */
  public _toSpec(users: readonly string[]): ConfigFileSpec {
    return {
      name: this.name,
      path: this.node.path,
      source: this.source,
      ...(this.projectPath !== undefined ? { projectPath: this.projectPath } : {}),
      files: this.files,
      users: [...users].sort(),
    };
  }
}

const CONFIG_FILE = Symbol.for('lading.ConfigFile');
