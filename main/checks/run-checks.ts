// All plan checks, in one run: findings sorted errors first.
import type { PlanData } from '../domain/model.ts';
import { computeFacts } from '../facts/plan-facts.ts';
import type { Finding, Rule } from './finding.ts';
import { areaMismatch, mixedZones, outsideJurisdiction, repeatedPoint, selfIntersection, tooFewPoints } from './rules/blocks.ts';
import {
  duplicateLicence, duplicateMine, indicatorTotals, inferredValues, licenceEndsBeforeTarget, licenceExpired, licenceWithoutMine, localMineral, localMineralEnglish, missingFields,
  scaleClass, scaleUnknown, shortLife, statusUnknown, unitMismatch,
} from './rules/mines.ts';
import { periodOrder, sampleRows, validityOrder } from './rules/plan.ts';
import { templateErrors, templateMissingData, templatePlaceholders, templateUnknownFields, textFigures } from './rules/text.ts';

export const RULES: Rule[] = [
  periodOrder, validityOrder, sampleRows,
  tooFewPoints, repeatedPoint, selfIntersection, mixedZones, outsideJurisdiction, areaMismatch,
  licenceEndsBeforeTarget, licenceExpired, shortLife, scaleClass, unitMismatch, duplicateMine, duplicateLicence, missingFields,
  statusUnknown, scaleUnknown, inferredValues, localMineral, localMineralEnglish, licenceWithoutMine,
  indicatorTotals, textFigures, templateErrors, templateUnknownFields, templatePlaceholders, templateMissingData,
];

export function runChecks(data: PlanData, rules: readonly Rule[] = RULES): Finding[] {
  const facts = computeFacts(data);
  const all = rules.flatMap((r) => r.run(data, facts));
  return all.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export { checkSummary, formatFinding } from './format.ts';
