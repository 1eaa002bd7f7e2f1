import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GovernanceChange, Review } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, diagnosticsWithCode, seedSample } from '../../helpers/cards';
import { withCrlf } from '../../helpers/ruleTests';

const requestReview: GovernanceChange = { status: 'in_review' };
const review: Review = { reviewer: 'Ada Lovelace', role: 'ML lead', decision: 'approved', date: '2026-11-24' };
const approval: GovernanceChange = { review, status: 'approved' };

/** `text` after the governance edits for `change`, applied as the client applies them. */
function edited(text: string, change: GovernanceChange): string {
  const document = cardDocument(text);
  const result = createLanguageService().governanceEdits(document, change);
  assert.equal(result.refused, undefined, result.refused);
  assert.equal(result.version, document.version);
  return TextDocument.applyEdits(document, result.edits);
}

/** Asserts the edit of `before` gives `after`, with LF and with CRLF line endings. */
function assertEdit(before: string, change: GovernanceChange, after: string): void {
  assert.equal(edited(before, change), after);
  assert.equal(edited(withCrlf(before), change), withCrlf(after));
}

function refusal(text: string, change: GovernanceChange): string | undefined {
  const result = createLanguageService().governanceEdits(cardDocument(text), change);
  assert.deepEqual(result.edits, []);
  return result.refused;
}

describe('governance edits', () => {
  describe('Request Review (status in_review)', () => {
    it('adds a governance section after the last key when the card has none', () => {
      assertEdit(seedSample, requestReview, `${seedSample}governance:\n  status: in_review\n`);
    });

    it('adds it before trailing comments and blank lines are left alone, and keeps a missing final line break missing', () => {
      assertEdit('name: A\nlimitations: Slow # why\n\n# end\n', requestReview, 'name: A\nlimitations: Slow # why\ngovernance:\n  status: in_review\n\n# end\n');
      assertEdit('name: A\nlimitations: Slow', requestReview, 'name: A\nlimitations: Slow\ngovernance:\n  status: in_review');
    });

    it('replaces an existing status and keeps the comment after it', () => {
      assertEdit(
        'name: A\ngovernance:\n  status: draft # set by the template\n  risk_rating: low\n',
        requestReview,
        'name: A\ngovernance:\n  status: in_review # set by the template\n  risk_rating: low\n',
      );
    });

    it('puts a missing status first in governance, at its indentation', () => {
      assertEdit('name: A\ngovernance:\n    risk_rating: low\n', requestReview, 'name: A\ngovernance:\n    status: in_review\n    risk_rating: low\n');
    });

    it('fills an empty governance key, keeping its comment on the key line', () => {
      assertEdit('name: A\ngovernance: # later\nlimitations: Slow\n', requestReview, 'name: A\ngovernance: # later\n  status: in_review\nlimitations: Slow\n');
      assertEdit('name: A\ngovernance: ~\n', requestReview, 'name: A\ngovernance:\n  status: in_review\n');
      assertEdit('name: A\ngovernance:\n  status:\n', requestReview, 'name: A\ngovernance:\n  status: in_review\n');
    });

    it('edits a flow mapping in flow style, status first', () => {
      assertEdit('name: A\ngovernance: {risk_rating: low}\n', requestReview, 'name: A\ngovernance: {status: in_review, risk_rating: low}\n');
      assertEdit('name: A\ngovernance: {}\n', requestReview, 'name: A\ngovernance: {status: in_review}\n');
      assertEdit('name: A\ngovernance: {status: draft}\n', requestReview, 'name: A\ngovernance: {status: in_review}\n');
    });
  });

  describe('Record Approval (a review, and optionally a status)', () => {
    it('appends the review after the last one, at the list indentation, before a trailing comment', () => {
      assertEdit(
        [
          'name: A',
          'governance:',
          '  status: in_review',
          '  reviews:',
          '    - reviewer: Bob',
          '      decision: changes_requested',
          '    # newest last',
          'limitations: Slow',
          '',
        ].join('\n'),
        approval,
        [
          'name: A',
          'governance:',
          '  status: approved',
          '  reviews:',
          '    - reviewer: Bob',
          '      decision: changes_requested',
          '    - reviewer: Ada Lovelace',
          '      role: ML lead',
          '      decision: approved',
          "      date: '2026-11-24'",
          '    # newest last',
          'limitations: Slow',
          '',
        ].join('\n'),
      );
    });

    it('follows a card whose lists are not indented under their key', () => {
      assertEdit(
        'name: A\ngovernance:\n  reviews:\n  - reviewer: Bob\n    decision: rejected\n',
        { review: { ...review, role: undefined, decision: 'changes_requested' } },
        "name: A\ngovernance:\n  reviews:\n  - reviewer: Bob\n    decision: rejected\n  - reviewer: Ada Lovelace\n    decision: changes_requested\n    date: '2026-11-24'\n",
      );
    });

    it('adds reviews at their place in the schema order when there are none: after the status, before the changelog', () => {
      assertEdit(
        "name: A\ngovernance:\n  status: in_review\n  changelog:\n    - version: '1'\n      changes: First release.\n\nlimitations: Slow\n",
        approval,
        "name: A\ngovernance:\n  status: approved\n  reviews:\n    - reviewer: Ada Lovelace\n      role: ML lead\n      decision: approved\n      date: '2026-11-24'\n  changelog:\n    - version: '1'\n      changes: First release.\n\nlimitations: Slow\n",
      );
    });

    it('puts a new status and new reviews in schema order when both are missing', () => {
      assertEdit(
        "name: A\ngovernance:\n  # what changed\n  changelog: []\n",
        approval,
        "name: A\ngovernance:\n  status: approved\n  reviews:\n    - reviewer: Ada Lovelace\n      role: ML lead\n      decision: approved\n      date: '2026-11-24'\n  # what changed\n  changelog: []\n",
      );
    });

    it('creates the whole governance section, status first', () => {
      assertEdit(
        seedSample,
        approval,
        `${seedSample}governance:\n  status: approved\n  reviews:\n    - reviewer: Ada Lovelace\n      role: ML lead\n      decision: approved\n      date: '2026-11-24'\n`,
      );
    });

    it('fills an empty reviews key and extends flow lists in flow style', () => {
      const flowReview = "{reviewer: Ada Lovelace, role: ML lead, decision: approved, date: '2026-11-24'}";
      assertEdit('name: A\ngovernance:\n  reviews:\n', { review }, "name: A\ngovernance:\n  reviews:\n    - reviewer: Ada Lovelace\n      role: ML lead\n      decision: approved\n      date: '2026-11-24'\n");
      assertEdit('name: A\ngovernance:\n  reviews: []\n', { review }, `name: A\ngovernance:\n  reviews: [${flowReview}]\n`);
      assertEdit('name: A\ngovernance: {reviews: [{reviewer: Bob, decision: rejected}]}\n', { review }, `name: A\ngovernance: {reviews: [{reviewer: Bob, decision: rejected}, ${flowReview}]}\n`);
      assertEdit('name: A\ngovernance: {status: draft}\n', approval, `name: A\ngovernance: {status: approved, reviews: [${flowReview}]}\n`);
    });

    it('quotes names that YAML would misread', () => {
      assertEdit(
        'name: A\ngovernance:\n  reviews: []\n',
        { review: { reviewer: 'yes', role: 'Lead: ethics', decision: 'rejected', date: '2026-11-24' } },
        "name: A\ngovernance:\n  reviews: [{reviewer: 'yes', role: 'Lead: ethics', decision: rejected, date: '2026-11-24'}]\n",
      );
    });

    it('clears approval-missing (MC050) on a card marked approved without a review', () => {
      const approvedWithoutReview = `${seedSample}governance:\n  status: approved\n`;
      assert.equal(diagnosticsWithCode(approvedWithoutReview, 'MC050').length, 1);
      assert.deepEqual(diagnosticsWithCode(edited(approvedWithoutReview, approval), 'MC050'), []);
    });
  });

  describe('refusals: no edits, and a reason', () => {
    it('refuses cards with YAML errors, cards that are not mappings, and governance or reviews of the wrong kind', () => {
      assert.match(refusal('name: A\ngovernance:\n  status: [draft\n', requestReview)!, /YAML errors/);
      assert.match(refusal('name: A\nname: B\n', requestReview)!, /YAML errors/);
      assert.match(refusal('', requestReview)!, /not a mapping/);
      assert.match(refusal('- a\n- b\n', requestReview)!, /not a mapping/);
      assert.match(refusal('{name: A}\n', requestReview)!, /flow mapping/);
      assert.match(refusal('name: A\ngovernance: TODO\n', requestReview)!, /`governance` is not a mapping/);
      assert.match(refusal('name: A\ngovernance:\n  reviews: TODO\n', { review })!, /`governance.reviews` is not a list/);
      assert.match(refusal('name: A\ngovernance:\n  status: {a: 1}\n', requestReview)!, /`governance.status` is not a single value/);
    });
  });
});
