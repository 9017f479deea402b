import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** The client's benchmarks (bench/client/run.sh): the browser tests' settings, their own folder. */
export default defineConfig({ ...base, testDir: './perf', outputDir: './test-results/perf' });
