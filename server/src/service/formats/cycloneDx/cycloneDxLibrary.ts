/**
 * The parts of @cyclonedx/cyclonedx-library the BOM export uses. The bundles load it from a file
 * of its own (dist/cyclonedx.js, see esbuild.mjs) on the first CycloneDX export only.
 */
export * as Enums from '@cyclonedx/cyclonedx-library/Enums';
export * as Models from '@cyclonedx/cyclonedx-library/Models';
export * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
export * as SPDX from '@cyclonedx/cyclonedx-library/SPDX';
export * as Spec from '@cyclonedx/cyclonedx-library/Spec';
