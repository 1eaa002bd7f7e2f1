import assert from 'node:assert/strict';
import { jsonExportFileName } from '../../../client/src/export/exportFileName';

describe('the JSON export file name', () => {
  it('replaces the card extension, whatever its case', () => {
    assert.equal(jsonExportFileName('smiling-detection.modelcard.yaml'), 'smiling-detection.modelcard.json');
    assert.equal(jsonExportFileName('Smiling.ModelCard.YML'), 'Smiling.modelcard.json');
    assert.equal(jsonExportFileName('card.yaml'), 'card.modelcard.json');
    assert.equal(jsonExportFileName('Untitled-1'), 'Untitled-1.modelcard.json');
    assert.equal(jsonExportFileName('.modelcard.yaml'), 'model.modelcard.json');
  });
});
