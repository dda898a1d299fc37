import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { AttendanceInput, MeetingDetail, MeetingInput, MeetingList, RegistrationInput } from "../../shared/plenary";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { addRegistration, createMeeting, listMeetings, readMeeting, updateRegistration } from "./meetings";

const tags = ["meetings"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.uuid("Not a meeting id") });
const RegistrationParam = z.object({ id: z.uuid("Not a meeting id"), registrationId: z.uuid("Not a delegate id") });

export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "plenary.manage" });
  return async (app) => {
    app.get(
      "/api/meetings",
      {
        schema: {
          tags,
          summary: "Annual meetings, newest first, with their participation",
          response: { 200: MeetingList, ...errors },
        },
        onRequest: manage,
      },
      async (request) => listMeetings(ctx, principalOf(request)),
    );
    app.post(
      "/api/meetings",
      {
        schema: {
          tags,
          summary: "Record an annual meeting: date and place",
          body: MeetingInput,
          response: { 201: MeetingDetail, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await createMeeting(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.get(
      "/api/meetings/:id",
      {
        schema: {
          tags,
          summary: "A meeting with its delegates",
          params: IdParam,
          response: { 200: MeetingDetail, ...errors },
        },
        onRequest: manage,
      },
      async (request) => readMeeting(ctx, principalOf(request), request.params.id),
    );
    app.post(
      "/api/meetings/:id/registrations",
      {
        schema: {
          tags,
          summary: "Invite or register a delegate (a Party's, an observer State's or an international organisation's)",
          params: IdParam,
          body: RegistrationInput,
          response: { 201: MeetingDetail, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await addRegistration(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
          ),
    );
    app.patch(
      "/api/meetings/:id/registrations/:registrationId",
      {
        schema: {
          tags,
          summary: "A delegate's registration, way of attending and attendance",
          params: RegistrationParam,
          body: AttendanceInput,
          response: { 200: MeetingDetail, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        updateRegistration(
          ctx,
          principalOf(request),
          request.params.id,
          request.params.registrationId,
          request.body,
          requestMeta(request),
        ),
    );
  };
}
