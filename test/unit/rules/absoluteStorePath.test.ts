import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, textAt } from '../../helpers/cards';
import { boundCard } from '../../helpers/boundCards';
import { sharedRuleTests } from '../../helpers/ruleTests';

const absolute = boundCard.replace('store: mlflow.db, run', 'store: /home/alice/churn/mlflow.db, run');

describe('MC060 absolute-store-path', () => {
  it('underlines an absolute store path in a source and in the provenance', () => {
    const text = `${absolute}provenance:\n  tracker: mlflow\n  store: 'C:\\Users\\alice\\mlruns'\n  run: x\n`;
    const diagnostics = diagnosticsWithCode(text, 'MC060');
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['/home/alice/churn/mlflow.db', "'C:\\Users\\alice\\mlruns'"]);
    assert.equal(diagnostics[0].message, 'This store path is absolute: the card works only on this machine. Write it relative to the card (e.g. ../mlflow.db).');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
  });

  it('accepts relative paths, up and down the tree', () => {
    for (const store of ['mlflow.db', '../mlruns', './wandb/run-20240401_164609-6y34ms9p', 'experiments/mlflow.db']) {
      assert.deepEqual(diagnosticsWithCode(boundCard.replace(/store: mlflow\.db/g, `store: ${store}`), 'MC060'), [], store);
    }
  });

  it('finds file: URIs, home-relative and UNC paths', () => {
    for (const store of ['file:///srv/mlflow.db', '~/mlruns', "'\\\\server\\share\\mlflow.db'"]) {
      assert.equal(diagnosticsWithCode(boundCard.replace('store: mlflow.db, run', `store: ${store}, run`), 'MC060').length, 1, store);
    }
  });
});

sharedRuleTests({ code: 'MC060', name: 'absolute-store-path', defaultSeverity: DiagnosticSeverity.Warning }, absolute);
