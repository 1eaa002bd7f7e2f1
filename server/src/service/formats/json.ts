import type { CardExporter } from './formatTypes';

/** `--to json`: the card as data, as the schema checks it (nothing is lost). */
export const jsonExporter: CardExporter = {
  id: 'json',
  export: (card) => ({ files: [{ path: 'modelcard.json', text: `${JSON.stringify(card, null, 2)}\n` }], losses: [] }),
};
