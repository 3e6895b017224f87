#!/usr/bin/env bash
# azd postprovision hook: what Bicep cannot do (or should not hold).
#   1. The Entra ID app registration of KamFlows, used by the API (app id URI api://<appId>,
#      delegated scope access_as_user) and by the pages' OpenID Connect sign-in (web redirect URI
#      https://<host>/app/signin-oidc, ID tokens). One registration serves both, so the app's single
#      AzureAd section (ClientId, Audience) fits both.
#   2. Writes AzureAd__ClientId and AzureAd__Audience back: into the azd environment (so the next
#      `azd provision` passes them to Bicep instead of resetting them) and into the app settings.
#   3. Pre-authorizes the Azure CLI for that scope (operators call the admin API with az tokens).
#   4. Creates the Key Vault secret LinkKey (random, 32 bytes) when it does not exist. It is never
#      rotated here: emailed links are derived from it.
# Safe to run again: every step looks before it changes anything.
#
# Needs: az (signed in to the environment's tenant: `az login --tenant <tenant>`), azd, openssl.
# Optional: KAMFLOWS_REQUIRE_ASSIGNMENT=true lets only users assigned to the app sign in.
set -euo pipefail

die() {
  echo "postprovision: $*" >&2
  exit 1
}

for name in AZURE_ENV_NAME AZURE_SUBSCRIPTION_ID AZURE_TENANT_ID RESOURCE_GROUP \
  AZURE_FUNCTION_APP_NAME AZURE_KEY_VAULT_NAME SERVICE_API_URI; do
  [[ -n "${!name:-}" ]] || die "$name is not set; run this through azd (azd provision / azd up)"
done
for tool in az azd openssl; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

signed_in_tenant="$(az account show --query tenantId -o tsv 2>/dev/null)" ||
  die "the Azure CLI is not signed in: az login --tenant $AZURE_TENANT_ID"
[[ "$signed_in_tenant" == "$AZURE_TENANT_ID" ]] ||
  die "the Azure CLI is signed in to tenant $signed_in_tenant, not $AZURE_TENANT_ID: az login --tenant $AZURE_TENANT_ID"

sub=(--subscription "$AZURE_SUBSCRIPTION_ID")
rg="$RESOURCE_GROUP"
site="$AZURE_FUNCTION_APP_NAME"
vault="$AZURE_KEY_VAULT_NAME"
display_name="kamflows-$AZURE_ENV_NAME"

new_uuid() {
  if command -v uuidgen >/dev/null; then
    uuidgen | tr '[:upper:]' '[:lower:]'
  elif [[ -r /proc/sys/kernel/random/uuid ]]; then
    cat /proc/sys/kernel/random/uuid
  else
    python3 -c 'import uuid; print(uuid.uuid4())'
  fi
}

# True when $1 equals one of the following arguments.
contains() {
  local wanted="$1" item
  shift
  for item in "$@"; do
    [[ "$item" == "$wanted" ]] && return 0
  done
  return 1
}

# Appends one JSON object ($2) to a JSON array given as text ($1).
json_array_append() {
  local items
  items="$(printf '%s' "$1" | tr -d '\n')"
  items="${items#*[}"
  items="${items%]*}"
  if [[ "$items" =~ ^[[:space:]]*$ ]]; then
    printf '[%s]' "$2"
  else
    printf '[%s,%s]' "$items" "$2"
  fi
}

# --- 1. App registration ----------------------------------------------------------------------
app_id=""
if [[ -n "${AZURE_AD_CLIENT_ID:-}" ]] && az ad app show --id "$AZURE_AD_CLIENT_ID" --query appId -o tsv >/dev/null 2>&1; then
  app_id="$AZURE_AD_CLIENT_ID"
else
  app_id="$(az ad app list --display-name "$display_name" \
    --query "[?displayName=='$display_name'].appId | [0]" -o tsv)"
fi
if [[ -z "$app_id" ]]; then
  echo "Creating the app registration $display_name"
  app_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg \
    --query appId -o tsv)"
else
  echo "App registration $display_name: $app_id"
fi
object_id="$(az ad app show --id "$app_id" --query id -o tsv)"
audience="api://$app_id"

# App id URI (other identifier URIs are kept).
identifier_uris=()
while IFS= read -r uri; do
  [[ -n "$uri" ]] && identifier_uris+=("$uri")
done < <(az ad app show --id "$app_id" --query "identifierUris[]" -o tsv)
if ! contains "$audience" ${identifier_uris[@]+"${identifier_uris[@]}"}; then
  echo "Setting the app id URI $audience"
  az ad app update --id "$app_id" --identifier-uris ${identifier_uris[@]+"${identifier_uris[@]}"} "$audience"
fi

# Delegated scope access_as_user (v2 access tokens; other scopes are kept).
scope_id="$(az ad app show --id "$app_id" \
  --query "api.oauth2PermissionScopes[?value=='access_as_user'].id | [0]" -o tsv)"
if [[ -z "$scope_id" ]]; then
  echo "Exposing the scope access_as_user"
  scope_id="$(new_uuid)"
  existing_scopes="$(az ad app show --id "$app_id" --query "api.oauth2PermissionScopes" -o json)"
  [[ -n "$existing_scopes" && "$existing_scopes" != "null" ]] || existing_scopes="[]"
  scope_json="$(
    cat <<JSON
{"id":"$scope_id","value":"access_as_user","type":"User","isEnabled":true,
 "adminConsentDisplayName":"Use KamFlows","adminConsentDescription":"Lets the app call the KamFlows API as the signed-in user.",
 "userConsentDisplayName":"Use KamFlows","userConsentDescription":"Lets the app call the KamFlows API as you."}
JSON
  )"
  scopes="$(json_array_append "$existing_scopes" "$scope_json")"
  az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
    --headers "Content-Type=application/json" \
    --body "{\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":$scopes}}"
fi

# Pre-authorize the Azure CLI for access_as_user, so an operator can call the admin API with
# `az account get-access-token --scope api://<appId>/access_as_user` (docs/RUNBOOK.md).
# KAMFLOWS_PREAUTHORIZE_AZURE_CLI=false skips it. The app still authorizes every call by role.
azure_cli_app_id="04b07795-8ddb-461a-bbee-02f9e1bf7b46"
if [[ "${KAMFLOWS_PREAUTHORIZE_AZURE_CLI:-true}" == "true" ]]; then
  preauthorized="$(az ad app show --id "$app_id" \
    --query "api.preAuthorizedApplications[?appId=='$azure_cli_app_id'].appId | [0]" -o tsv)"
  if [[ -z "$preauthorized" ]]; then
    echo "Pre-authorizing the Azure CLI for access_as_user"
    existing_apps="$(az ad app show --id "$app_id" --query "api.preAuthorizedApplications" -o json)"
    [[ -n "$existing_apps" && "$existing_apps" != "null" ]] || existing_apps="[]"
    apps="$(json_array_append "$existing_apps" \
      "{\"appId\":\"$azure_cli_app_id\",\"delegatedPermissionIds\":[\"$scope_id\"]}")"
    az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$object_id" \
      --headers "Content-Type=application/json" \
      --body "{\"api\":{\"preAuthorizedApplications\":$apps}}"
  fi
fi

# Web redirect URIs for the pages' sign-in (existing URIs, e.g. a developer's, are kept).
redirect_uris=()
while IFS= read -r uri; do
  [[ -n "$uri" ]] && redirect_uris+=("$uri")
done < <(az ad app show --id "$app_id" --query "web.redirectUris[]" -o tsv)
# Pages live under /app/ (the route group the Functions host proxies to them), the callback included.
wanted=("${SERVICE_API_URI%/}/app/signin-oidc")
if [[ -n "${KAMFLOWS_PUBLIC_BASE_URL:-}" ]]; then
  wanted+=("${KAMFLOWS_PUBLIC_BASE_URL%/}/app/signin-oidc")
fi
missing=0
for uri in "${wanted[@]}"; do
  if ! contains "$uri" ${redirect_uris[@]+"${redirect_uris[@]}"}; then
    redirect_uris+=("$uri")
    missing=1
  fi
done
id_tokens="$(az ad app show --id "$app_id" --query "web.implicitGrantSettings.enableIdTokenIssuance" -o tsv)"
if ((missing)) || [[ "$id_tokens" != "true" ]]; then
  echo "Setting the web redirect URIs: ${redirect_uris[*]}"
  az ad app update --id "$app_id" --web-redirect-uris "${redirect_uris[@]}" --enable-id-token-issuance true
fi

# Service principal (the enterprise application users sign in to and are assigned to).
if ! az ad sp show --id "$app_id" --query id -o tsv >/dev/null 2>&1; then
  echo "Creating the service principal"
  az ad sp create --id "$app_id" --query id -o tsv >/dev/null
fi
if [[ "${KAMFLOWS_REQUIRE_ASSIGNMENT:-false}" == "true" ]]; then
  az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true
fi

# --- 2. Write the ids back --------------------------------------------------------------------
azd env set AZURE_AD_CLIENT_ID "$app_id"
azd env set AZURE_AD_AUDIENCE "$audience"

current_client_id="$(az functionapp config appsettings list "${sub[@]}" -g "$rg" -n "$site" \
  --query "[?name=='AzureAd__ClientId'].value | [0]" -o tsv)"
current_audience="$(az functionapp config appsettings list "${sub[@]}" -g "$rg" -n "$site" \
  --query "[?name=='AzureAd__Audience'].value | [0]" -o tsv)"
settings_changed=0
if [[ "$current_client_id" != "$app_id" || "$current_audience" != "$audience" ]]; then
  echo "Setting AzureAd__ClientId and AzureAd__Audience on $site"
  az functionapp config appsettings set "${sub[@]}" -g "$rg" -n "$site" \
    --settings "AzureAd__ClientId=$app_id" "AzureAd__Audience=$audience" >/dev/null
  settings_changed=1
fi

# --- 3. LinkKey ---------------------------------------------------------------------------------
# The deploying user's Key Vault role may take a few minutes to apply: retry reads, and never
# write before knowing for sure that the secret is absent (a new value would void every link).
secret_state=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if names="$(az keyvault secret list --vault-name "$vault" --query "[].name" -o tsv 2>/dev/null)"; then
    if grep -qxF LinkKey <<<"$names"; then
      secret_state="present"
    elif az keyvault secret list-deleted --vault-name "$vault" --query "[].name" -o tsv 2>/dev/null |
      grep -qxF LinkKey; then
      secret_state="deleted"
    else
      secret_state="absent"
    fi
    break
  fi
  echo "Key Vault $vault not readable yet (role assignment propagating), attempt $attempt/10"
  sleep 30
done
[[ -n "$secret_state" ]] || die "cannot read Key Vault $vault: does your account hold Key Vault Secrets Officer on it?"

secret_created=0
case "$secret_state" in
  present)
    echo "LinkKey exists in $vault"
    ;;
  deleted)
    echo "Recovering the soft-deleted LinkKey in $vault"
    az keyvault secret recover --vault-name "$vault" --name LinkKey --query id -o tsv >/dev/null
    secret_created=1
    ;;
  absent)
    echo "Creating LinkKey in $vault"
    key_file="$(mktemp)"
    trap 'rm -f "$key_file"' EXIT
    chmod 600 "$key_file"
    openssl rand -base64 32 | tr -d '\n' >"$key_file"
    az keyvault secret set --vault-name "$vault" --name LinkKey --file "$key_file" \
      --encoding utf-8 --query id -o tsv >/dev/null
    rm -f "$key_file"
    secret_created=1
    ;;
esac

if ! az keyvault secret list --vault-name "$vault" --query "[].name" -o tsv | grep -qxF SendGridApiKey; then
  echo "note: SendGridApiKey is not in $vault yet; email cannot go out until it is:"
  echo "  az keyvault secret set --vault-name $vault --name SendGridApiKey --value <key>"
fi

# Key Vault references are cached; a new secret is picked up at once after a refresh.
if ((secret_created)) && ((settings_changed == 0)); then
  site_id="$(az functionapp show "${sub[@]}" -g "$rg" -n "$site" --query id -o tsv)"
  az rest --method POST \
    --uri "https://management.azure.com${site_id}/config/configreferences/appsettings/refresh?api-version=2022-03-01" \
    >/dev/null ||
    echo "note: could not refresh Key Vault references; they refresh within 24 hours or on the next restart"
fi

echo "postprovision: done (client id $app_id, audience $audience)"
