import { isYamlMap } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import { KUSTOMIZE_CONSTANTS } from '../data/generated/constants.js';
import type { FileLoader } from '../target/file-loader.js';
import { parseYaml11 } from '../yaml/index.js';
import { decodeGo } from './go-json-decode.js';
import type { Kustomization } from './kustomization.js';
import { KUSTOMIZATION_GO_TYPE } from './kustomization-type.js';

/** A kustomization file read from a directory. */
export interface LoadedKustomization {
  kustomization: Kustomization;
  /** File name within the directory (`kustomization.yaml`, `kustomization.yml` or `Kustomization`). */
  fileName: string;
  /** Path relative to the build root (`../` steps when outside), for messages. */
  displayPath: string;
}

const KUSTOMIZATION_VERSION = 'kustomize.config.k8s.io/v1beta1';
const COMPONENT_VERSION = 'kustomize.config.k8s.io/v1alpha1';

const DEPRECATIONS: [keyof Kustomization | 'bases' | 'imageTags', string, string][] = [
  ['bases', 'resources', ''],
  ['commonLabels', 'labels', ''],
  ['imageTags', 'images', ''],
  ['patchesJson6902', 'patches', ''],
  ['patchesStrategicMerge', 'patches', ''],
  ['vars', 'replacements', '[EXPERIMENTAL] '],
];

/** The deprecation warning kustomize prints to stderr for a field. */
function deprecationWarning(field: string, replacement: string, experimental: string): string {
  return `# Warning: '${field}' is deprecated. Please use '${replacement}' instead. ${experimental}Run 'kustomize edit fix' to update your Kustomization automatically.`;
}

/** Finds the one kustomization file in `loader.root` (kustomize `LoadKustFile`). */
export function findKustomizationFile(loader: FileLoader): string {
  const found = KUSTOMIZE_CONSTANTS.kustomizationFileNames.filter((name) => loader.isFile(name));
  if (found.length === 0) {
    throw new KustomizeError(
      'KustomizationNotFound',
      `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${loader.shownRoot}'`,
      { location: { file: loader.shownRoot } },
    );
  }
  if (found.length > 1) {
    throw new KustomizeError(
      'MultipleKustomizations',
      `Found multiple kustomization files under: ${loader.shownRoot}`,
      { location: { file: loader.shownRoot } },
    );
  }
  return found[0] as string;
}

/**
 * Reads and validates the kustomization in `loader.root` as kustomize's `KustTarget.Load`:
 * YAML 1.1, strict case-insensitive fields, deprecation warnings, `FixKustomization`, the empty
 * check and the kind/apiVersion rules. Warnings are appended to `warnings`.
 */
export function loadKustomization(loader: FileLoader, warnings: string[]): LoadedKustomization {
  const fileName = findKustomizationFile(loader);
  const displayPath = loader.shown(loader.resolve(fileName));
  const raw = parseYaml11(loader.readText(fileName), displayPath);
  if (raw !== null && !isYamlMap(raw)) {
    throw new KustomizeError(
      'InvalidKustomization',
      `${displayPath}: invalid Kustomization: the file must hold a mapping`,
      { location: { file: displayPath } },
    );
  }
  const decoded = (
    raw === null
      ? {}
      : decodeGo(raw, KUSTOMIZATION_GO_TYPE, {
          file: displayPath,
          path: 'Kustomization',
          field: '',
        })
  ) as Record<string, unknown>;

  for (const [field, replacement, experimental] of DEPRECATIONS) {
    if (decoded[field] !== undefined)
      warnings.push(deprecationWarning(field, replacement, experimental));
  }
  const k = fixKustomization(decoded);
  checkNotEmpty(k, displayPath);
  enforceKindAndVersion(k, loader.shownRoot, displayPath);
  return { kustomization: k, fileName, displayPath };
}

function fixKustomization(d: Record<string, unknown>): Kustomization {
  const k = { ...d } as Record<string, unknown> & Kustomization;
  if (!k.kind) k.kind = 'Kustomization';
  if (!k.apiVersion)
    k.apiVersion = k.kind === 'Component' ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
  const bases = d.bases as string[] | undefined;
  if (bases !== undefined) k.resources = [...(k.resources ?? []), ...bases];
  delete k.bases;
  const imageTags = d.imageTags as Kustomization['images'];
  if (imageTags !== undefined) k.images = [...(k.images ?? []), ...imageTags];
  delete k.imageTags;
  for (const list of [k.configMapGenerator, k.secretGenerator]) {
    for (const g of list ?? []) {
      if (g.env) {
        g.envs = [...(g.envs ?? []), g.env];
        delete g.env;
      }
    }
  }
  if (d.helmChartInflationGenerator !== undefined) {
    k.helmCharts = [...(k.helmCharts ?? []), ...(d.helmChartInflationGenerator as never[])];
    delete (k as Record<string, unknown>).helmChartInflationGenerator;
  }
  return k;
}

function checkNotEmpty(k: Kustomization, file: string): void {
  const keys = Object.keys(k).filter((key) => key !== 'apiVersion' && key !== 'kind');
  if (keys.length === 0) {
    throw new KustomizeError('EmptyKustomization', `${file}: kustomization.yaml is empty`, {
      location: { file },
    });
  }
}

function enforceKindAndVersion(k: Kustomization, root: string, file: string): void {
  const errs: string[] = [];
  const kind = k.kind as string;
  if (kind !== 'Kustomization' && kind !== 'Component')
    errs.push('kind should be Kustomization or Component');
  const required = kind === 'Component' ? COMPONENT_VERSION : KUSTOMIZATION_VERSION;
  if (k.apiVersion !== required) errs.push(`apiVersion for ${kind} should be ${required}`);
  if (errs.length > 0) {
    throw new KustomizeError(
      'InvalidKustomization',
      `Failed to read kustomization file under ${root}: ${errs.join('; ')} (in ${file})`,
      { location: { file, field: errs[0]?.startsWith('kind') ? 'kind' : 'apiVersion' } },
    );
  }
}
