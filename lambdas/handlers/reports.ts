/** Public report routes: the page behind an emailed link, and the POST its button makes. */
import type { AppDeps } from '../app/deps';
import { reportByToken, reportPage } from '../app/reports';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { optionalContextBody } from '../http/schemas';

export function makeReportsHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      'POST /v1/reports/{reportToken}': route(optionalContextBody, (req) =>
        reportByToken(deps, req.params.reportToken as string, req.context),
      ),
      'GET /report/{reportToken}': bodyless((req) => reportPage(deps, req.params.reportToken as string)),
    },
    options,
  );
}
