import { at, type ImportContext } from './context';
import type { NameTable } from './names';
import type { VolumePlan } from './plan';
import { composeProjectName } from './project-name';

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
   * Gives the file's volume `raw` a model name, with the Docker volume it keeps: `named` (the file's `name:`), or
   * the one Compose created. Reports when that Docker name is kept apart from the model name. An `external` volume
   * is one Compose never created: the system creates its own, named like any other.
   */
  claim(raw: string, keyPath: string, line: number, docker: { readonly named?: string; readonly external?: boolean } = {}): string {
    const known = this.names.lookup('volume', raw);
    if (known) return known;
    const id = this.names.claim('volume', raw, keyPath, line, { quiet: true });
    if (docker.external) return id;
    const { named } = docker;
    const original = named ?? `${this.project}_${raw}`;
    if (named !== undefined) this.reportShared(id, named, keyPath, line);
    if (named !== undefined || `${this.ctx.projectName}_${id}` !== original) this.dockerNames.set(id, original);
    if (named !== undefined ? id !== raw : `${this.ctx.projectName}_${id}` !== original) {
      this.ctx.reporter.report(
        'import/docker-volume-name',
        at(this.ctx, keyPath, line),
        `volume ${JSON.stringify(raw)} is named ${JSON.stringify(id)} in the model (Kubernetes, ECS); Compose, Swarm and docker keep its Docker volume ${original}, so the data in it is found.`,
      );
    }
    return id;
  }

  /** Two volumes of the file that name one Docker volume share its data on the Docker engine only. */
  private reportShared(id: string, named: string, keyPath: string, line: number): void {
    const other = [...this.dockerNames].find(([, n]) => n === named)?.[0];
    if (other === undefined) return;
    this.ctx.reporter.report(
      'import/unsupported-value',
      at(this.ctx, `${keyPath}.name`, line),
      `volume ${id} names the Docker volume ${named}, as volume ${other} does: Compose, Swarm and docker share its data between them, Kubernetes and ECS keep two volumes apart.`,
      `Mount volume ${other} where ${id} is mounted, and remove ${id}.`,
    );
  }

  /** The plan of each volume, sorted by id. */
  plans(ids: Iterable<string>): VolumePlan[] {
    return [...new Set(ids)].sort().map((id) => {
      const dockerName = this.dockerNames.get(id);
      return dockerName !== undefined ? { id, dockerName } : { id };
    });
  }
}
