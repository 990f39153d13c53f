/**
 * @codewaves/core: the engine. Data flows one way:
 * tasks -> footprint -> plan -> run (sandbox, pool, agent, threads) -> merge -> report.
 *
 * @example
 * import { planSprint, renderPlanText } from '@codewaves/core';
 * const { plan } = await planSprint({ cwd: process.cwd() });
 * console.log(renderPlanText(plan));
 */
export * from './errors';
export * from './git';
export * from './workspace';
export * from './tasks';
export * from './footprint';
export * from './plan';
export * from './sprint';
export * from './sandbox';
export * from './agent';
export * from './pool';
export * from './threads';
export * from './pricing';
export * from './merge';
export * from './run';
export * from './report';
export * from './apply';
