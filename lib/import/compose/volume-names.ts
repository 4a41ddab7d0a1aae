import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { VolumePlan } from './plan';

/** The project name as Compose itself normalizes it: lowercase, only a-z, 0-9, `_` and `-`, from a letter or digit. */
function composeProjectName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
}

/**
 * The model's volumes for the file's, each with the Docker volume Compose created for it (`<project>_<volume>`):
 * where the Docker-engine targets would name it otherwise, the volume keeps that name, so its data is found.
 */
export class VolumeNames {
  private readonly dockerNames = new Map<string, string>();
  private readonly project: string;

  constructor(private readonly ctx: ImportContext, private readonly names: NameTable, rawProjectName: string) {
    this.project = composeProjectName(rawProjectName);
  }

  /**
   * Gives the file's volume `raw` a model name; reports when its Docker name (`<project>_<volume>`, or the `name:`
   * the file gives it) is kept apart from it.
   */
  claim(raw: string, keyPath: string, line: number, dockerName?: string): string {
    const known = this.names.lookup('volume', raw);
    if (known) return known;
    const id = this.names.claim('volume', raw, keyPath, line, { quiet: true });
    const original = dockerName ?? `${this.project}_${raw}`;
    if (`${this.ctx.projectName}_${id}` !== original) {
      this.dockerNames.set(id, original);
      this.ctx.reporter.report(
        'import/docker-volume-name',
        at(this.ctx, keyPath, line),
        `volume ${JSON.stringify(raw)} is named ${JSON.stringify(id)} in the model (Kubernetes, ECS); Compose, Swarm and docker keep its Docker volume ${original}, so the data in it is found.`,
      );
    }
    return id;
  }

  /** The plan of each volume, sorted by id. */
  plans(ids: Iterable<string>): VolumePlan[] {
    return [...new Set(ids)].sort().map((id) => {
      const dockerName = this.dockerNames.get(id);
      return dockerName !== undefined ? { id, dockerName } : { id };
    });
  }
}
