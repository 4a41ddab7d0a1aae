import { containersOf } from '../containers';
import type { Rule } from '../rule';

/** A registry image is pinned by a version tag or a digest; `latest` and no tag at all are not pins. */
export const unpinnedImage: Rule = {
  code: 'lint/unpinned-image',
  check: (spec, _context, reporter) =>
    containersOf(spec).flatMap(({ container }) => {
      const image = container.image;
      if (image.kind !== 'registry' || image.digest !== undefined) return [];
      if (image.tag !== undefined && image.tag !== 'latest') return [];
      const what = image.tag === undefined ? 'has no tag, so it means latest' : 'is tagged latest';
      return [
        reporter.make(
          'lint/unpinned-image',
          `${container.path} image`,
          `${JSON.stringify(image.ref)} ${what}: each pull may run different code`,
          `Pin a version, e.g. Image.of('${image.repository}:1.2.3'), or a digest (${image.repository}@sha256:...).`,
        ),
      ];
    }),
};
