import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { SessionInfo, type SignInResponse } from "../../shared/auth";
import { applyLocale } from "../i18n";
import { ApiError, api, isAbortError, onUnauthenticated, setCsrfToken } from "./api";

/** Second step still owed after the password: a code, or setting up the authenticator first. */
export type PendingStep = "totp" | "enrol";

/** Why the user is on the sign-in page, when it was not their own choice. */
export type SessionNotice = "expired" | "signedOut";

type SessionContextValue = {
  /** True until the server has said whether this browser already has a session. */
  loading: boolean;
  /** Set when that first check could not reach the server (not when there is simply no session). */
  checkError: ApiError | null;
  /** The fully signed-in session, or null. */
  session: SessionInfo | null;
  pendingStep: PendingStep | null;
  /** The account has security keys: the second step may use one (known from the password step). */
  pendingSecurityKey: boolean;
  notice: SessionNotice | null;
  recheck: () => void;
  /** After a correct password: remember which second step the server asks for. */
  passwordAccepted: (response: SignInResponse) => void;
  /** Store a session answer from the server (second factor accepted, preferences changed…). */
  sessionChanged: (session: SessionInfo) => void;
  /** Forget the session locally and sign out on the server. Throws if the server could not be reached. */
  signOut: () => Promise<void>;
  /** Give up a half-done sign-in (to use another account); never fails. */
  abandonSignIn: () => Promise<void>;
  clearNotice: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [pendingStep, setPendingStep] = useState<PendingStep | null>(null);
  const [pendingSecurityKey, setPendingSecurityKey] = useState(false);
  const [notice, setNotice] = useState<SessionNotice | null>(null);
  const [checkCount, setCheckCount] = useState(0);

  // The 401 listener is registered once; it reads the latest state through this ref.
  const signedIn = useRef(false);
  useEffect(() => {
    signedIn.current = session !== null || pendingStep !== null;
  }, [session, pendingStep]);

  const sessionChanged = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    if (info.state === "active") {
      setSession(info);
      setPendingStep(null);
      setNotice(null);
      // The account's own language wins over the device's once the user is known.
      void applyLocale(info.user.locale);
    } else {
      setSession(null);
      setPendingStep(info.state === "pending_enrolment" ? "enrol" : "totp");
    }
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setSession(null);
    setPendingStep(null);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: checkCount is the trigger of a new check (recheck).
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setCheckError(null);
    api
      .get("/api/auth/session", SessionInfo, controller.signal)
      .then(sessionChanged)
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        if (error instanceof ApiError && error.status === 401) forget();
        else setCheckError(error instanceof ApiError ? error : new ApiError(0, "network_error", String(error)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [checkCount, sessionChanged, forget]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        if (!signedIn.current) return;
        forget();
        setNotice("expired");
      }),
    [forget],
  );

  const passwordAccepted = useCallback((response: SignInResponse) => {
    setCsrfToken(response.csrfToken);
    setSession(null);
    setPendingStep(response.next);
    setPendingSecurityKey(response.securityKey);
    setNotice(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/sign-out");
    } catch (error) {
      // A 401 means the server had already ended the session: that is a successful sign-out.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forget();
    setNotice("signedOut");
  }, [forget]);

  const abandonSignIn = useCallback(async () => {
    try {
      await api.post("/api/auth/sign-out");
    } catch {
      // The half-open session expires by itself on the server; nothing for the user to act on.
    }
    forget();
    setNotice(null);
  }, [forget]);

  const value = useMemo<SessionContextValue>(
    () => ({
      loading,
      checkError,
      session,
      pendingStep,
      pendingSecurityKey,
      notice,
      recheck: () => setCheckCount((n) => n + 1),
      passwordAccepted,
      sessionChanged,
      signOut,
      abandonSignIn,
      clearNotice: () => setNotice(null),
    }),
    [
      loading,
      checkError,
      session,
      pendingStep,
      pendingSecurityKey,
      notice,
      passwordAccepted,
      sessionChanged,
      signOut,
      abandonSignIn,
    ],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The active session, for pages that are only rendered once signed in. */
export function useActiveSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error("useActiveSession used outside a signed-in page");
  return session;
}
