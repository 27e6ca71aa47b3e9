/**
 * Plain words for the keys of `liveness_result.details` (faceid-api.md §5.3: China `video` and
 * `selfie` keys; the overseas flash/still/distance keys are undocumented). A key without words is
 * shown by its API name alone. One place, for the message layer of a later issue.
 */
export const DETAIL_WORDS: Record<string, string> = {
  // video (read digits aloud)
  UPLOAD_TIMES: 'Videos uploaded',
  FACE_NOT_FOUND: 'No face found',
  LOW_FACE_QUALITY: 'Face quality too low',
  INVALID_VIDEO_DURATION: 'Video too short or too long',
  SR_ERROR: 'Spoken digits not recognised',
  NOT_SYNCHRONIZED: 'Voice and lips out of sync',
  NO_AUDIO: 'No sound in the video',
  VIDEO_FORMAT_UNSUPPORTED: 'Video format not supported',
  VIDEO_FACE_INCONSISTENT: 'Face changed during the video',
  // selfie: face_front / face_side
  face_front: 'Front selfie',
  face_side: 'Side selfie',
  FACE_UPLOAD_TIMES: 'Photos uploaded',
  FACE_BLURRED: 'Face blurred',
  FACE_MULTIPLE_FACES: 'Several faces',
  FACE_POOR_LIGHT: 'Too little light',
  FACE_NOT_FRONT: 'Face not turned to the camera',
  FACE_NOT_SIDE: 'Face not turned to the side',
  FACE_NOT_PROPER_POSITION: 'Face not in the frame properly',
  UNSUPPORTED_FORMAT: 'Photo format not supported',
};

export const DETAILS_TEXT = {
  heading: 'Liveness details',
  caption: 'Counters the service reported for the liveness check (liveness_result.details)',
  unknownKey: 'not in the documentation the console knows',
} as const;
