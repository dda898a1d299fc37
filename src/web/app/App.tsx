import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { RouterProvider } from "react-router-dom";
import { router } from "./router";
import { SessionProvider } from "./session";

const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "md",
  // Larger tap targets and text are kinder to a phone held at 3 a.m.
  fontSizes: { md: "1rem" },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-center" limit={3} />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  );
}
