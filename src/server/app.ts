import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import type { FastifySerializerCompiler } from "fastify/types/schema";
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import type { z } from "zod";
import { StorableInput } from "../shared/storable-text";
import { apiTokenRoutes } from "./api-tokens/routes";
import { auditRoutes } from "./audit/routes";
import { accountRoutes } from "./auth/accounts-routes";
import { authRoutes } from "./auth/routes";
import { authorityRoutes } from "./authorities/routes";
import { capacityBuildingRoutes } from "./capacity-building/routes";
import type { AppContext } from "./context";
import { dataProtectionRoutes } from "./data-protection/routes";
import { isTokenRefused } from "./db/database";
import { INVALID_INPUT_LOG, isInvalidDatabaseInput } from "./db/invalid-input";
import { isDatabaseUnavailable } from "./db/unavailable";
import { demoClockRoutes } from "./demo/clock-routes";
import { directoryRoutes } from "./directory/routes";
import { HttpError } from "./http/errors";
import { refuseKnownToken } from "./http/guard";
import { compileProjection } from "./http/response-projection";
import { serializeOnce } from "./http/unchanging-answers";
import { incidentRoutes } from "./incidents/routes";
import { meetingRoutes } from "./meetings/routes";
import { EventHub } from "./notify/events";
import { MailMonitor } from "./notify/mail-status";
import { mailStatusRoutes } from "./notify/mail-status-routes";
import { notifyRoutes } from "./notify/routes";
import { registerOps } from "./ops/routes";
import { projectPath } from "./paths";
import { pingRoutes } from "./pings/routes";
import { plenaryRoutes } from "./plenary/routes";
import { retentionRoutes } from "./requests/retention-routes";
import { requestRoutes } from "./requests/routes";
import { transferRoutes } from "./requests/transfer-routes";
import { statisticsRoutes } from "./statistics/routes";
import { webhookRoutes } from "./webhooks/routes";

declare module "fastify" {
  interface FastifyInstance {
    /** The SMTP server's last check, shown to the Secretariat; main.ts runs the first one at start. */
    mailMonitor: MailMonitor;
  }
}

export const WEB_DIST = projectPath("dist", "web");

// Strict by default; the web client needs inline style attributes (Mantine) and data: images (QR codes).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Features the app never uses, refused to every page (WebAuthn's own features keep their default, 'self'). */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/**
 * The headers every answer carries besides the CSP. HSTS only when Vigil is reached over https
 * (VIGIL_PUBLIC_URL): sent over plain http it would be ignored, and on localhost it would pin
 * every other local service to https.
 */
export function securityHeaders(publicUrl: string): [string, string][] {
  const list: [string, string][] = [
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "no-referrer"],
    ["x-frame-options", "DENY"],
    ["permissions-policy", PERMISSIONS_POLICY],
    ["cross-origin-opener-policy", "same-origin"],
    ["cross-origin-resource-policy", "same-origin"],
    ["origin-agent-cluster", "?1"],
    ["x-permitted-cross-domain-policies", "none"],
  ];
  if (publicUrl.startsWith("https://")) {
    list.push(["strict-transport-security", "max-age=31536000; includeSubDomains"]);
  }
  return list;
}

/**
 * Answers are projected by their response schema before they leave (http/response-projection.ts):
 * unknown keys are dropped (a column never leaks by accident) and a wrong shape or type is an
 * error, as parsing did, but the leaves' checks and normalisations (formats, trim, E.164…) are
 * not re-run, which was most of the cost: a string too long or not a uuid now leaves unnoticed.
 * Checking mode (VIGIL_CHECK_RESPONSES, on in the tests) also parses each answer: a failure, a
 * JSON other than the projection's, or a projection that refused what parsing accepts (a full
 * parse unseen) is an error, so the suite proves the two agree. An answer marked unchanging
 * (http/unchanging-answers.ts), frozen, is projected, checked and written once.
 */
export const projectingSerializer =
  (checkResponses: boolean): FastifySerializerCompiler<z.ZodType> =>
  ({ schema, method, url }) => {
    const project = compileProjection(schema);
    // A kept answer is a Buffer: Fastify sends a serializer's Buffer as it is (reply.js accepts a
    // string or a Buffer payload), though its types say string.
    return (answer) => serializeOnce(answer, serialize) as string;
    function serialize(data: unknown): string {
      const projected = project(data);
      if (!projected.success) {
        throw new Error(`response of ${method} ${url} does not match its schema: ${projected.error.message}`);
      }
      const json = JSON.stringify(projected.data);
      if (checkResponses) {
        if (projected.reparsed) {
          throw new Error(
            `response of ${method} ${url}: projection differs from parsing: it refused what parsing accepts`,
          );
        }
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
          throw new Error(`response of ${method} ${url} does not match its schema: ${parsed.error.message}`);
        }
        const expected = JSON.stringify(parsed.data);
        if (json !== expected) {
          throw new Error(
            `response of ${method} ${url}: projection differs from parsing ${firstDifference(json, expected)}`,
          );
        }
      }
      return json;
    }
  };

/** Where two JSON texts part, with a little context: "at 1234: …"abc" vs …"abd"". */
function firstDifference(actual: string, expected: string): string {
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 60);
  return `at ${i}: projected …${actual.slice(from, i + 60)} vs parsed …${expected.slice(from, i + 60)}`;
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const headers = securityHeaders(ctx.config.publicUrl);
  const withSecurityHeaders = (url: string, reply: FastifyReply) => {
    for (const [name, value] of headers) reply.header(name, value);
    reply.removeHeader("x-powered-by");
    if (!url.startsWith("/api/docs")) reply.header("content-security-policy", CSP);
    if (url.startsWith("/api/")) reply.header("cache-control", "no-store");
  };
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Errors Fastify meets before any route (a malformed percent-encoding, an over-long path
    // segment) answer in the API's error shape too, without echoing the address.
    frameworkErrors: (error, request, reply) => {
      const [status, code, message]: [number, string, string] =
        error.code === "FST_ERR_BAD_URL"
          ? [400, "bad_url", "The address is not valid: it has a malformed percent-encoding."]
          : error.code === "FST_ERR_MAX_PARAM_LENGTH"
            ? [414, "uri_too_long", "A part of the address is too long."]
            : [500, "internal", "Something went wrong on our side. It has been logged."];
      if (status === 500) reply.log.error({ err: error }, "unhandled framework error");
      const r = reply as unknown as FastifyReply;
      withSecurityHeaders(request.raw.url ?? "/", r);
      return r.code(status).send({ error: { code, message } });
    },
  });

  // Each part of every request (params, query, body) first passes StorableInput: text PostgreSQL
  // cannot hold is a 400 naming the field, whatever the route's own schema says.
  app.setValidatorCompiler<z.ZodType>((route) =>
    validatorCompiler({ ...route, schema: StorableInput.pipe(route.schema) }),
  );
  app.setSerializerCompiler(projectingSerializer(ctx.config.checkResponses));

  const sendHttpError = (reply: FastifyReply, error: HttpError) =>
    reply.code(error.status).send({
      error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
    });
  app.setErrorHandler(async (error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) return sendHttpError(reply, error);
    if (isTokenRefused(error) && request.apiToken) {
      return sendHttpError(reply, await refuseKnownToken(ctx, request, reply));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: `${error.validationContext ?? "body"}${v.instancePath.replaceAll("/", ".")}`,
        message: v.message ?? "Invalid value",
      }));
      return reply.code(400).send({
        error: {
          code: "invalid_input",
          message: `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
          issues,
        },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: (error as FastifyError).code ?? "bad_request", message: error.message } });
    }
    if (isDatabaseUnavailable(error)) {
      // The database server is down or restarting: the pool reconnects by itself; try again soon.
      request.log.warn({ err: error }, "database unavailable");
      return reply
        .code(503)
        .header("retry-after", "5")
        .send({ error: { code: "database_unavailable", message: "The database is unavailable. Try again shortly." } });
    }
    if (isInvalidDatabaseInput(error)) {
      // A value no schema refused and PostgreSQL did: the request's fault, but a schema to tighten.
      request.log.warn({ err: error }, INVALID_INPUT_LOG);
      return reply.code(400).send({
        error: {
          code: "invalid_input",
          message: "A value of the request is not valid here (too long, out of range, or not valid text).",
        },
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .code(500)
      .send({ error: { code: "internal", message: "Something went wrong on our side. It has been logged." } });
  });

  // onSend runs for every answer: API, static files, the app's index, 404s, errors and 429s;
  // frameworkErrors above calls the same function (its answers skip the hooks).
  app.addHook("onSend", async (request, reply) => withSecurityHeaders(request.url, reply));

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Vigil API", version: "0.1.0", description: "API of Vigil, the 24/7 Network platform." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "vigil_session" },
          // A Party's API token, on the routes that declare a scope (directory:read…).
          apiToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "vgl_…",
            description: "A Party's API token (Administration page): Authorization: Bearer vgl_…",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  await registerOps(app, ctx);

  await app.register(authRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(directoryRoutes(ctx));
  // One LISTEN per instance, fanned out to the open event streams of this instance.
  const hub = new EventHub(ctx.db, ctx.log);
  await hub.start();
  app.addHook("onClose", async () => hub.close());
  await app.register(notifyRoutes(ctx, hub));
  await app.register(webhookRoutes(ctx));
  await app.register(requestRoutes(ctx));
  await app.register(retentionRoutes(ctx));
  await app.register(transferRoutes(ctx));
  await app.register(incidentRoutes(ctx));
  await app.register(pingRoutes(ctx));
  await app.register(authorityRoutes(ctx));
  await app.register(meetingRoutes(ctx));
  await app.register(capacityBuildingRoutes(ctx));
  await app.register(plenaryRoutes(ctx));
  await app.register(statisticsRoutes(ctx));
  await app.register(apiTokenRoutes(ctx));
  await app.register(demoClockRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(dataProtectionRoutes(ctx));
  const mailMonitor = new MailMonitor(ctx);
  app.decorate("mailMonitor", mailMonitor);
  app.addHook("onClose", async () => mailMonitor.close());
  await app.register(mailStatusRoutes(ctx, mailMonitor));

  const hasWeb = fs.existsSync(path.join(WEB_DIST, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/directory, /requests…) get the app; unknown API paths a JSON 404.
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply
      .code(404)
      .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url.split("?")[0]}` } });
  });

  return app;
}
