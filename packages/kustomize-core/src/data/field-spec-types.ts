/**
 * A field spec (kustomize `types.FieldSpec`): which resources (by GVK, empty = any) and which
 * field path (`/`-separated, `\/` escapes a slash, `name[]` marks a list) a transformer touches,
 * and whether missing fields are created.
 */
export interface FieldSpec {
  group: string;
  version: string;
  kind: string;
  path: string;
  create: boolean;
}

/** A name back-reference entry: the referred-to GVK and the fields that refer to it. */
export interface NameBackReference {
  group: string;
  version: string;
  kind: string;
  referrers: FieldSpec[];
}

/** The default transformer configuration (kustomize `builtinconfig.TransformerConfig`). */
export interface DefaultFieldSpecs {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  commonLabels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  namespace: FieldSpec[];
  varReference: FieldSpec[];
  nameReference: NameBackReference[];
  images: FieldSpec[];
  replicas: FieldSpec[];
}
