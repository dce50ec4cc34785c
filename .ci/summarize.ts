// Prints the final "N passed, N failed" line of a CI run from vitest's JSON report.
// Run through `npm run ci:summarize` so that the Node of the `node` devDependency (>= 22) runs it.
import { existsSync, readFileSync } from 'node:fs';

interface SuiteResult {
  readonly name: string;
  readonly status: string;
  readonly assertionResults: readonly { readonly status: string }[];
}

const [file = '.ci/out/results.json', checkStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = checkStatus === '0' ? 0 : 1;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: readonly SuiteResult[];
  };
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load or crashed outside a test has no failed test of its own: count it once.
  for (const suite of report.testResults) {
    const failedTests = suite.assertionResults.filter((test) => test.status === 'failed').length;
    if (suite.status === 'failed' && failedTests === 0) {
      console.log(`test file failed outside its tests: ${suite.name}`);
      failed += 1;
    }
  }
} else {
  console.log(`no test report at ${file}`);
  failed += 1;
}
if (checkStatus !== '0') console.log('npm run check failed (counted as 1 failure)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
