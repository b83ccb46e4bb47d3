/** The signed-out area: just the sign-in card, centred, in the app's colours. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-10">
      {children}
    </main>
  );
}
