/** Per-test setup for component tests: a canvas and ResizeObserver for chart.js, and the sa11y matcher. */
import 'jest-canvas-mock';
import { registerSa11yMatcher } from '@sa11y/jest';
import { ResizeObserverMock } from './resizeObserverMock';

registerSa11yMatcher();
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverMock;
