// Swagger UI over the services' documents as the gateway serves them (/api/docs). The token typed
// above is kept for this tab only and sent with every request the page makes, the documents
// included: in production they are for platform admins (ADR 0026).
(function () {
  "use strict";
  var KEY = "agentlocator.apiDocsToken";
  var field = document.getElementById("agentlocator-token-value");
  field.value = sessionStorage.getItem(KEY) || "";

  function withToken(request) {
    var token = sessionStorage.getItem(KEY);
    if (token && !request.headers.Authorization) {
      request.headers.Authorization = "Bearer " + token;
    }
    return request;
  }

  function start() {
    fetch("/api/docs", { headers: withToken({ headers: {} }).headers })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (urls) {
        window.ui = SwaggerUIBundle({
          urls: urls,
          dom_id: "#swagger-ui",
          deepLinking: true,
          persistAuthorization: false,
          requestInterceptor: withToken,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
          layout: "StandaloneLayout",
        });
      })
      .catch(function (error) {
        document.getElementById("swagger-ui").textContent =
          "The API documents need a platform admin's access token (" + error.message + ").";
      });
  }

  document.getElementById("agentlocator-token").addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem(KEY, field.value.trim());
    start();
  });
  start();
})();
