/** The JSON file an exported card is saved to by default: `smiling.modelcard.yaml` → `smiling.modelcard.json`. */
export function jsonExportFileName(cardFileName: string): string {
  const stem = cardFileName.replace(/(\.modelcard)?\.ya?ml$/i, '');
  return `${stem || 'model'}.modelcard.json`;
}
