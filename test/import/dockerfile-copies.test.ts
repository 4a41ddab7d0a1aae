import { builtStage, copyCarrying, copyStages } from '../../lib/import/compose/dockerfile-copies';
import { ignoreVerdict } from '../../lib/import/compose/dockerignore';

/** The context of these tests: a folder `src` with `app.py` in it, and `requirements.txt`. */
const kindOf = (p: string): 'file' | 'folder' | undefined => (p === '.' || p === 'src' ? 'folder' : p === 'src/app.py' || p === 'requirements.txt' ? 'file' : undefined);

/** The line of the copy that puts `source` at `target` in the stage built with `target`, or undefined. */
function carried(dockerfile: string, source: string, target: string, stage?: string): number | undefined {
  const built = builtStage(copyStages(dockerfile), stage);
  return built ? copyCarrying(built, source, target, kindOf)?.line : undefined;
}

describe('Dockerfile COPY and WORKDIR: which context files the built image carries, and where', () => {
  test('GIVEN `COPY . .` after WORKDIR /code WHEN a folder of the context is asked for THEN it is under /code, and only there', () => {
    const dockerfile = 'FROM python:3.12\nWORKDIR /code\nCOPY . .\n';
    expect(carried(dockerfile, 'src', '/code/src')).toBe(3);
    expect(carried(dockerfile, '.', '/code')).toBe(3);
    expect(carried(dockerfile, 'src', '/app/src')).toBeUndefined();
  });

  test('GIVEN a relative destination and a relative WORKDIR WHEN resolved THEN both resolve against the WORKDIR before them', () => {
    const dockerfile = 'FROM node:20\nWORKDIR /srv\nWORKDIR app\nCOPY src ./source\n';
    expect(carried(dockerfile, 'src', '/srv/app/source')).toBe(4);
    expect(carried(dockerfile, 'src/app.py', '/srv/app/source/app.py')).toBe(4);
  });

  test('GIVEN a relative destination and no WORKDIR WHEN resolved THEN nothing is carried: the base image sets the folder', () => {
    expect(carried('FROM python:3.12\nCOPY . .\n', '.', '/')).toBeUndefined();
  });

  test('GIVEN `COPY src/ /code/src/` WHEN the folder and a file in it are asked for THEN both land under /code/src', () => {
    const dockerfile = 'FROM python:3.12\nCOPY src/ /code/src/\n';
    expect(carried(dockerfile, 'src', '/code/src')).toBe(2);
    expect(carried(dockerfile, 'src/app.py', '/code/src/app.py')).toBe(2);
    expect(carried(dockerfile, 'requirements.txt', '/code/requirements.txt')).toBeUndefined();
  });

  test('GIVEN a file copied into a folder or to a file name, in the JSON form and with --chown WHEN asked for THEN each lands where Docker puts it', () => {
    expect(carried('FROM python:3.12\nCOPY --chown=app requirements.txt /code/\n', 'requirements.txt', '/code/requirements.txt')).toBe(2);
    expect(carried('FROM python:3.12\nCOPY ["requirements.txt", "/code/reqs.txt"]\n', 'requirements.txt', '/code/reqs.txt')).toBe(2);
    expect(carried('FROM python:3.12\nCOPY requirements.txt src/app.py /code\n', 'src/app.py', '/code/app.py')).toBe(2);
  });

  test('GIVEN copies from another stage, an image, a glob, a variable nobody sets or an archive WHEN asked for THEN none of them carries the file', () => {
    expect(carried('FROM node:20 AS build\nFROM nginx\nCOPY --from=build /code /code\n', '.', '/code')).toBeUndefined();
    expect(carried('FROM python:3.12\nCOPY src/*.py /code/src/\n', 'src/app.py', '/code/src/app.py')).toBeUndefined();
    expect(carried('FROM python:3.12\nCOPY src $DEST\n', 'src', '/code/src')).toBeUndefined();
    expect(carried('FROM python:3.12\nADD src.tar.gz /code/src\n', 'src.tar.gz', '/code/src')).toBeUndefined();
    expect(carried('FROM python:3.12\nCOPY --parents src /code/\n', 'src', '/code/src')).toBeUndefined();
  });

  test('GIVEN ARG and ENV values WHEN they name WORKDIR and the destination THEN they are substituted', () => {
    const dockerfile = 'FROM python:3.12\nARG HOME_DIR=/home/app\nENV APP $HOME_DIR/app\nWORKDIR ${APP}\nCOPY \\\n  src src\n';
    expect(carried(dockerfile, 'src', '/home/app/app/src')).toBe(5);
  });

  test('GIVEN a multi-stage Dockerfile WHEN build.target names a stage THEN that stage, with the copies of the stage it is built FROM, and not the last', () => {
    const dockerfile = [
      'FROM node:20 AS development',
      'WORKDIR /code',
      'COPY . /code',
      'FROM development AS dev-envs',
      'RUN apt-get update',
      'FROM nginx AS production',
      'COPY --from=development /code/build /usr/share/nginx/html',
    ].join('\n');
    expect(carried(dockerfile, 'src', '/code/src', 'development')).toBe(3);
    expect(carried(dockerfile, 'src', '/code/src', 'dev-envs')).toBe(3);
    expect(carried(dockerfile, 'src', '/code/src')).toBeUndefined();
    expect(carried(dockerfile, 'src', '/code/src', 'missing')).toBeUndefined();
  });
});

describe('.dockerignore: whether a context path reaches the image whole', () => {
  test('GIVEN simple patterns WHEN a path, a parent or something inside it may be excluded THEN excluded, else kept', () => {
    const ignore = '# comment\nnode_modules\n/dist/\n*.log\n';
    expect(ignoreVerdict(ignore, 'src')).toBe('kept');
    expect(ignoreVerdict(ignore, 'dist/app')).toBe('excluded');
    expect(ignoreVerdict(ignore, 'node_modules')).toBe('excluded');
    expect(ignoreVerdict(ignore, '.')).toBe('excluded');
    expect(ignoreVerdict('src/*.pyc\n', 'src')).toBe('excluded');
    expect(ignoreVerdict('**/__pycache__\n', 'src')).toBe('excluded');
    expect(ignoreVerdict('docs/**\n', 'src')).toBe('kept');
  });

  test('GIVEN exceptions or character classes WHEN read THEN unknown, so nothing is marked', () => {
    expect(ignoreVerdict('*\n!src\n', 'src')).toBe('unknown');
    expect(ignoreVerdict('[ab].txt\n', 'src')).toBe('unknown');
  });
});

describe('Dockerfile ARG: build arguments replace defaults', () => {
  test('GIVEN ARG DEST with a default, or with none WHEN built with and without --build-arg THEN the destination follows the build argument', () => {
    const withDefault = 'FROM python:3.12\nARG DEST=/code\nCOPY src ${DEST}/src\n';
    expect(builtStage(copyStages(withDefault), undefined)!.copies.map((c) => c.dest)).toEqual(['/code/src']);
    expect(builtStage(copyStages(withDefault, { DEST: '/srv' }), undefined)!.copies.map((c) => c.dest)).toEqual(['/srv/src']);
    expect(builtStage(copyStages('FROM python:3.12\nARG DEST\nCOPY src $DEST/src\n'), undefined)!.copies).toEqual([]);
  });
});
