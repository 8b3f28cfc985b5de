import { describe, expect, it } from 'vitest';
import { createTemplateModel, formatIssue, validateModel, type Model } from '../../../shared/model';

function issuesOf(model: unknown): string[] {
  const validated = validateModel(model);
  return validated.ok ? [] : validated.error.map(formatIssue);
}

function revenueModel(change: (model: Model) => void): Model {
  const model = structuredClone(createTemplateModel('service-revenue', 'en'));
  change(model);
  return model;
}

describe('revenue lines, revenue levers, one-off items and the new model fields', () => {
  it('a version 1 document (no new fields) reads as the current version', () => {
    const v1 = { ...structuredClone(createTemplateModel('contact-center', 'en')), schemaVersion: 1 };
    const validated = validateModel(v1);
    expect(validated.ok).toBe(true);
    if (validated.ok) expect(validated.value.schemaVersion).toBe(2);
  });

  it('a top-level revenue line needs an amount', () => {
    expect(issuesOf(revenueModel((m) => (m.revenueLines![0]!.basis = { kind: 'share', share: 0.5 })))).toContain(
      'revenueLines["Out-of-warranty repairs and parts sales"].basis: a top-level revenue line must have an amount, not a share of a parent',
    );
  });

  it('an orphan line, a cycle and children claiming more than their parent are named', () => {
    expect(issuesOf(revenueModel((m) => (m.revenueLines![1]!.parentId = 'nowhere')))).toEqual([
      'revenueLines["Service contracts"].parentId: refers to no revenue line (orphan: "nowhere")',
    ]);
    const cycle = revenueModel((m) => {
      m.revenueLines![0]!.parentId = 'service-contracts';
      m.revenueLines![1]!.parentId = 'out-of-warranty';
      m.revenueLines![1]!.basis = { kind: 'share', share: 0.5 };
      m.revenueLines![0]!.basis = { kind: 'share', share: 0.5 };
    });
    expect(issuesOf(cycle).join('\n')).toContain('is part of a cycle');
    const over = revenueModel((m) => {
      m.revenueLines!.push(
        { id: 'a', parentId: 'service-contracts', name: 'A', basis: { kind: 'share', share: 0.7 }, margin: 0.2 },
        { id: 'b', parentId: 'service-contracts', name: 'B', basis: { kind: 'share', share: 0.4 }, margin: 0.2 },
      );
    });
    expect(issuesOf(over)).toEqual(['revenueLines["Service contracts"].children: the shares under "Service contracts" add up to 110% (max 100%)']);
  });

  it('margins stay within 0..100%, levers name lines that exist, once', () => {
    expect(issuesOf(revenueModel((m) => (m.revenueLines![0]!.margin = 1.2))).join('\n')).toContain('margin: must be at least 0% and at most 100%');
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.revenueLevers![0]!.lineId = 'gone')))).toContain(
      'scenarios["Service marketing"].revenueLevers["gone"].lineId: refers to no revenue line ("gone")',
    );
    expect(issuesOf(revenueModel((m) => m.scenarios[0]!.revenueLevers!.push({ lineId: 'service-contracts', priceChange: 0.01 })))).toContain(
      'scenarios["Service marketing"].revenueLevers["Service contracts"]: the line has two lever entries; merge them into one',
    );
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.revenueLevers![0]!.priceChange = -1.5))).join('\n')).toContain('a price cannot fall below zero');
  });

  it('one-off items: a plan year from 1 to 30, unique ids, a bounded signed amount', () => {
    const item = { id: 'x', name: 'Asset sold', amount: -5e5, year: 2, timing: 'upfront' as const };
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.oneOffs = [item])))).toEqual([]);
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.oneOffs = [{ ...item, year: 0 }]))).join('\n')).toContain('must be a plan year from 1 to 30, got 0');
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.oneOffs = [item, { ...item, name: 'Other' }])))).toContain(
      'scenarios["Service marketing"].oneOffs["Other"].id: duplicate one-off item id "x"',
    );
    expect(issuesOf(revenueModel((m) => (m.scenarios[0]!.oneOffs = [{ ...item, amount: -2e15 }]))).join('\n')).toContain('must be between');
  });

  it('client, presentation and captions are checked', () => {
    expect(issuesOf(revenueModel((m) => (m.client = 'ACME 股份')))).toEqual([]);
    expect(issuesOf(revenueModel((m) => (m.presentation = { accentColor: '#C0392B', logo: { mediaType: 'image/png', data: 'iVBORw0KGgo=' } })))).toEqual([]);
    expect(issuesOf(revenueModel((m) => (m.presentation = { accentColor: 'red' }))).join('\n')).toContain('must be a colour written #RRGGBB');
    expect(issuesOf(revenueModel((m) => (m.revenueLines![0]!.captions = { volumeChange: { zh: 'x'.repeat(61) } }))).join('\n')).toContain(
      'must be at most 60 characters',
    );
  });
});
