// Prints the final "N passed, N failed" line of a CI run from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const [file = '.ci/out/results.json', checkStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = checkStatus === '0' ? 0 : 1;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  passed = report.numPassedTests;
  failed += report.numFailedTests + report.numFailedTestSuites;
} else {
  failed += 1;
}
if (checkStatus !== '0') console.log('npm run check failed (counted as 1 failure)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
