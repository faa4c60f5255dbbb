/** Adds the Lambda context and the API request id to every log line of the invocation. */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

export const requestLogger = (logger: Logger): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>[] => [
  injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>,
  {
    before: async (request) => {
      logger.appendKeys({
        requestId: request.event.requestContext?.requestId,
        route: `${request.event.httpMethod} ${request.event.resource}`,
      });
    },
  },
];
