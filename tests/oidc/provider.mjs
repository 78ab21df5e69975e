// A real OpenID Provider for the sign-in tests: node-oidc-provider (OpenID Certified),
// configured from the environment. Prints "ready" once it listens.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const clients = JSON.parse(process.env.CLIENTS);
const accounts = JSON.parse(process.env.ACCOUNTS);

const provider = new Provider(issuer, {
  clients: clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  // Like Google's and Apple's, its ID tokens carry the email claims themselves.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  ttl: { IdToken: Number(process.env.ID_TOKEN_TTL || 3600) },
  cookies: { keys: ['mindtrack-test-only'] },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...account }; } };
  },
});

provider.listen(port, '127.0.0.1', () => console.log('ready'));
