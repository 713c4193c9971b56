/**
 * What the content library accepts as an upload (server and web app share it; no zod here so
 * the web app can import it cheaply): at most 25 MB of PDF, office documents, images or MP4.
 */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** MIME type → the file-name extensions allowed with it. */
export const allowedUploadTypes: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'application/msword': ['.doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.ms-powerpoint': ['.ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'video/mp4': ['.mp4'],
};
