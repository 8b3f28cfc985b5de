// Prints "N passed, N failed" from vitest's JSON report. A run that ended before vitest wrote
// its report (the type check failed, vitest crashed) counts as one failure, never as a pass.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
}
if (Number(exitStatus) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
