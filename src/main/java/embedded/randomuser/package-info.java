/**
 * A RandomUser-compatible HTTP source on loopback (randomuser.me is unreachable from here), shipped
 * for the demo and used by the tests. The JDK's HTTP server; the nationality table is read with the
 * pipeline's JSON mapper.
 *
 * <ul>
 *   <li>{@link embedded.randomuser.RandomUserServer}: {@code start(port)}, {@code baseUri()},
 *       {@code faults()}, {@code stats()}, {@code close()}; {@code main} runs it standalone.</li>
 *   <li>API: {@code GET /api/}, {@code /api/1.3/}, {@code /api/1.4/} with {@code results} (1..5000,
 *       else 1), {@code page}, {@code seed}, {@code nat}, {@code gender}, {@code inc}, {@code exc},
 *       {@code noinfo}; always the 1.4 shape, with the real API's per-nationality quirks.</li>
 *   <li>Determinism: the user at global position {@code (page-1)*results+i} depends only on
 *       (seed, nat filter, position); {@code login.uuid} is distinct per position.</li>
 *   <li>Faults: {@link embedded.randomuser.FaultPlan} (queue + every-Nth),
 *       {@link embedded.randomuser.Fault} (kinds and the text syntax), over HTTP via
 *       {@code POST|GET|DELETE /_control/faults}, {@code GET|DELETE /_control/stats}, and per request
 *       via {@code ?fault=...}.</li>
 * </ul>
 *
 * <p>Where things are:
 * <ul>
 *   <li>Requests: {@code RequestRouter} (paths, 404, 500), {@code ApiEndpoint} (users or a fault),
 *       {@code ControlEndpoint} ({@code /_control/}), {@code ApiRequest} (query parameters),
 *       {@code HttpResponses} (headers, error bodies).</li>
 *   <li>Users: {@code PageWriter} (the response envelope), {@code UserWriter} (one user),
 *       {@code UserIdentity} (seed keys, uuids), {@code UserFields} ({@code inc}/{@code exc}),
 *       {@code UserVocabulary} (lists every nationality shares), {@code ByteSink}, {@code JsonStrings}.</li>
 *   <li>Nationalities: the resource {@code /embedded/randomuser/nationalities.json}, read by
 *       {@code Nationalities} into {@code Nationality} values; {@code NameForms} (display and e-mail forms).</li>
 *   <li>Faults: {@code Fault}, {@code FaultSyntax}, {@code FaultPlan}, {@code Stats}.</li>
 * </ul>
 *
 * <p>Note for HTTP clients under test: {@code java.net.http.HttpClient} transparently retries an
 * idempotent GET whose connection closed before any response, so a single queued
 * {@code disconnect} may be consumed without the caller noticing (the retry gets the next answer).
 */
package embedded.randomuser;
