/** Public report routes: the page behind an emailed link, and the POST its button makes. */
import type { AppDeps } from '../app/deps';
import { reportByToken, reportPage } from '../app/reports';
import { bodyless, httpHandler, route, type HttpHandlerOptions } from '../http/http-handler';
import { optionalContextBody } from '../http/schemas';

export function makeReportsHandler(deps: AppDeps, options: HttpHandlerOptions) {
  return httpHandler(
    {
      // The body may carry a context, as on keyed routes; a link's holder is not the owner, so it is ignored.
      'POST /v1/reports/{reportToken}': route(optionalContextBody, (req) =>
        reportByToken(deps, req.params.reportToken as string),
      ),
      'GET /report/{reportToken}': bodyless((req) => reportPage(deps, req.params.reportToken as string)),
    },
    options,
  );
}
