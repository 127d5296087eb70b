/**
 * Every route group's handler factory by function name: the local server and the
 * tests build all of them from one set of dependencies, as each Lambda entry
 * builds its own.
 */
import type { AppDeps } from '../app/deps';
import type { ApiHandler, HttpHandlerOptions } from '../http/http-handler';
import type { FunctionName } from '../contract/routes';
import { makeAccountHandler } from './account';
import { makeChallengesHandler } from './challenges';
import { makeFactorsHandler } from './factors';
import { makeDeliveriesHandler } from './deliveries';
import { makeDevicesHandler } from './devices';
import { makeHealthHandler } from './health';
import { makeReportsHandler } from './reports';
import { makeVerifyHandler } from './verify';

export function makeHandlers(deps: AppDeps, options: HttpHandlerOptions): Record<FunctionName, ApiHandler> {
  return {
    health: makeHealthHandler(options),
    factors: makeFactorsHandler(deps, options),
    challenges: makeChallengesHandler(deps, options),
    verify: makeVerifyHandler(deps, options),
    devices: makeDevicesHandler(deps, options),
    account: makeAccountHandler(deps, options),
    reports: makeReportsHandler(deps, options),
    deliveries: makeDeliveriesHandler(deps, options),
  };
}
