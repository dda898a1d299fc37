import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiToken } from "../../../shared/api-tokens";
import { isAbortError } from "../../app/api";
import { apiTokensApi } from "./apiTokensApi";

export type ApiTokensState = {
  tokens: ApiToken[] | null;
  error: unknown;
  refresh: () => void;
  /** Puts a token the server just answered with in the list, without waiting for a reload. */
  put: (token: ApiToken) => void;
};

/** The caller's Party's tokens. A reload keeps what is shown until the answer comes. */
export function useApiTokens(): ApiTokensState {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    apiTokensApi.list(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setTokens(data.tokens);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted && !isAbortError(e)) setError(e);
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    return () => inFlight.current?.abort();
  }, [refresh]);

  const put = useCallback(
    (token: ApiToken) =>
      setTokens((current) => {
        const list = current ?? [];
        return list.some((x) => x.id === token.id)
          ? list.map((x) => (x.id === token.id ? token : x))
          : [token, ...list];
      }),
    [],
  );

  return { tokens, error, refresh, put };
}
